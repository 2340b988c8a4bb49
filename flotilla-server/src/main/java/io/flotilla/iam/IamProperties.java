package io.flotilla.iam;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings, each declared once with its default.
 *
 * @param password password policy for local users
 * @param lockout lockout after repeated failed logins
 * @param session console session settings
 * @param ldap LDAP login and user/group sync (off unless {@code url} is set)
 * @param oidc OpenID Connect single sign-on (off unless {@code issuerUri} is set)
 * @param cache how long access-key checks and policy inputs are reused between requests
 */
@ConfigurationProperties("flotilla.iam")
public record IamProperties(
        @DefaultValue Password password,
        @DefaultValue Lockout lockout,
        @DefaultValue Session session,
        @DefaultValue Ldap ldap,
        @DefaultValue Oidc oidc,
        @DefaultValue Cache cache) {

    /**
     * Access-key checks and each principal's policy input (role bindings, groups, folders, workspaces,
     * bound resources) are reused for at most {@code ttl}. Every change made through this replica
     * drops both caches at once (and again after its transaction ends); a change made through another
     * replica is seen here after at most {@code ttl}. {@code 0} turns the caches off.
     *
     * @param ttl how long a cached entry is reused
     * @param maxEntries entries per cache before it is emptied (bounds memory)
     */
    public record Cache(@DefaultValue("5s") Duration ttl, @DefaultValue("10000") int maxEntries) {}

    /**
     * @param minLength minimum number of characters
     * @param minClasses how many of the four classes (lower case, upper case, digit, other) a password must use
     */
    public record Password(@DefaultValue("10") int minLength, @DefaultValue("3") int minClasses) {}

    /**
     * @param maxFailures failed logins in a row before the account locks
     * @param duration how long a locked account stays locked (an admin can unlock earlier)
     */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {}

    /** @param timeout idle time after which a console session ends */
    public record Session(@DefaultValue("30m") Duration timeout) {}

    /**
     * @param url LDAP server, e.g. {@code ldaps://ldap.example.com:636}; empty turns LDAP off
     * @param bindDn DN the platform binds as to search; empty for anonymous search
     * @param bindPassword password of {@code bindDn}
     * @param userSearchBase where users live
     * @param userFilter filter finding one user; {@code {0}} is the login name
     * @param userListFilter filter listing all users for sync
     * @param groupSearchBase where groups live
     * @param groupFilter filter finding a user's groups; {@code {0}} is the user's DN
     * @param groupListFilter filter listing all groups for sync
     * @param usernameAttribute attribute holding the login name
     * @param displayNameAttribute attribute holding the display name
     * @param emailAttribute attribute holding the e-mail address
     * @param groupNameAttribute attribute holding a group's name
     * @param groupMemberAttribute attribute of a group listing its members' DNs
     * @param syncInterval time between full user/group syncs; 0 turns periodic sync off
     */
    public record Ldap(
            @DefaultValue("") String url,
            @DefaultValue("") String bindDn,
            @DefaultValue("") String bindPassword,
            @DefaultValue("") String userSearchBase,
            @DefaultValue("(uid={0})") String userFilter,
            @DefaultValue("(objectClass=inetOrgPerson)") String userListFilter,
            @DefaultValue("") String groupSearchBase,
            @DefaultValue("(member={0})") String groupFilter,
            @DefaultValue("(objectClass=groupOfNames)") String groupListFilter,
            @DefaultValue("uid") String usernameAttribute,
            @DefaultValue("cn") String displayNameAttribute,
            @DefaultValue("mail") String emailAttribute,
            @DefaultValue("cn") String groupNameAttribute,
            @DefaultValue("member") String groupMemberAttribute,
            @DefaultValue("1h") Duration syncInterval) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }

        /** Never shows the bind password. */
        @Override
        public String toString() {
            return "Ldap[url=" + url + ", bindDn=" + bindDn + ", bindPassword=***, userSearchBase=" + userSearchBase
                    + ", groupSearchBase=" + groupSearchBase + "]";
        }
    }

    /**
     * @param issuerUri the provider's issuer; its discovery document is read on first use; empty turns OIDC off
     * @param clientId client id registered at the provider
     * @param clientSecret client secret registered at the provider
     * @param scopes scopes to request
     * @param usernameClaim claim holding the login name
     * @param emailClaim claim holding the e-mail address
     * @param nameClaim claim holding the display name
     * @param groupsClaim claim holding the group names (a list)
     */
    public record Oidc(
            @DefaultValue("") String issuerUri,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
            @DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue("email") String emailClaim,
            @DefaultValue("name") String nameClaim,
            @DefaultValue("groups") String groupsClaim) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        /** Never shows the client secret. */
        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret=***, scopes=" + scopes
                    + "]";
        }
    }
}
