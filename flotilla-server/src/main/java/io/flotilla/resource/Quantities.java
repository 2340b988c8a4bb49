package io.flotilla.resource;

import java.util.regex.Pattern;

/** Kubernetes resource quantity syntax ({@code 500m}, {@code 2}, {@code 1.5Gi}, {@code 1e3}). Pure. */
public final class Quantities {

    private static final Pattern QUANTITY =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");

    private Quantities() {}

    public static boolean isValid(String q) {
        return q != null && QUANTITY.matcher(q.strip()).matches();
    }

    public static boolean isNegative(String q) {
        return q != null && q.strip().startsWith("-");
    }
}
