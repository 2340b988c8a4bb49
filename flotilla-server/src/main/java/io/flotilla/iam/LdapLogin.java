package io.flotilla.iam;

/** Password login against an LDAP directory; present only when LDAP is configured. */
interface LdapLogin {

    /** Binds as the user; on success creates or refreshes the user and its LDAP groups. */
    boolean login(String username, String password);
}
