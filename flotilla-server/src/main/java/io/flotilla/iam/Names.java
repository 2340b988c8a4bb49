package io.flotilla.iam;

import io.flotilla.platform.ApiException.FieldError;
import java.util.List;
import java.util.regex.Pattern;

/** Validation of names used by identity and tenancy objects. Pure. */
final class Names {

    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,62}");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private Names() {}

    /** User and group names: letters, digits, '.', '_', '@', '-', at most 63, starting with a letter or digit. */
    static void account(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (!ACCOUNT.matcher(value).matches()) {
            errors.add(new FieldError(field, "'" + value + "' must be at most 63 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit"));
        }
    }

    /** Folder, workspace and namespace names: DNS-1123 labels. */
    static void label(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (!DNS_LABEL.matcher(value).matches()) {
            errors.add(new FieldError(field, "'" + value + "' must be a DNS-1123 label: at most 63 lower-case "
                    + "letters, digits and '-', starting and ending with a letter or digit"));
        }
    }

    static void maxLength(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    static void email(String field, String value, List<FieldError> errors) {
        if (value != null && !value.isEmpty() && (value.length() > 254 || !value.matches("[^@\\s]+@[^@\\s]+"))) {
            errors.add(new FieldError(field, "'" + value + "' is not an e-mail address"));
        }
    }
}
