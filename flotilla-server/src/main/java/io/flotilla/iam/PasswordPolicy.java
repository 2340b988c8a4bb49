package io.flotilla.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks a new password against the configured policy. Pure. */
final class PasswordPolicy {

    private PasswordPolicy() {}

    /** What is wrong with the password, empty when it is acceptable. */
    static List<String> violations(String password, String username, IamProperties.Password policy) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("is required");
            return problems;
        }
        if (password.length() < policy.minLength()) {
            problems.add("must have at least " + policy.minLength() + " characters");
        }
        int classes = classes(password);
        if (classes < policy.minClasses()) {
            problems.add("must use at least " + policy.minClasses() + " of: lower-case letters, upper-case letters, "
                    + "digits, other characters (it uses " + classes + ")");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            problems.add("must not be the user name");
        }
        return problems;
    }

    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
