package io.flotilla.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final IamProperties.Password policy = new IamProperties.Password(10, 3);

    @Test
    void acceptsLongPasswordsWithThreeCharacterClasses() {
        assertThat(PasswordPolicy.violations("correct-Horse1", "bob", policy)).isEmpty();
    }

    @Test
    void namesEveryViolation() {
        assertThat(PasswordPolicy.violations("short", "bob", policy))
                .anyMatch(v -> v.contains("at least 10 characters"))
                .anyMatch(v -> v.contains("at least 3 of"));
    }

    @Test
    void refusesThePasswordEqualToTheUserNameInAnyCase() {
        assertThat(PasswordPolicy.violations("Alice-Smith-1", "alice-smith-1", policy))
                .containsExactly("must not be the user name");
    }

    @Test
    void countsCharacterClasses() {
        assertThat(PasswordPolicy.classes("abc")).isEqualTo(1);
        assertThat(PasswordPolicy.classes("aB3!")).isEqualTo(4);
    }
}
