package io.flotilla.iam;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * LDAP login (search the user with the service account, then bind as the user) and user/group
 * sync. Present only when {@code flotilla.iam.ldap.url} is set.
 */
@Component
@ConditionalOnExpression("!'${flotilla.iam.ldap.url:}'.isEmpty()")
class LdapDirectory implements LdapLogin {

    private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);

    private final IamProperties.Ldap settings;
    private final ExternalUsers external;

    LdapDirectory(IamProperties properties, ExternalUsers external) {
        this.settings = properties.ldap();
        this.external = external;
    }

    /** What a sync did. */
    record SyncResult(int users, int groups) {}

    private record LdapUser(String dn, String username, String displayName, String email) {}

    @Override
    public boolean login(String username, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        try (LDAPConnection conn = connect()) {
            LdapUser user = findUser(conn, username);
            if (user == null) {
                return false;
            }
            try (LDAPConnection asUser = connect(false)) {
                asUser.bind(user.dn(), password);
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                    return false;
                }
                throw e;
            }
            List<String> groups = groupsOf(conn, user.dn());
            return external.provision("ldap", user.username(), user.displayName(), user.email(), groups).isPresent();
        } catch (LDAPException e) {
            log.warn("LDAP login of {} failed: {}", username, e.getResultCode());
            return false;
        }
    }

    /** Reads every user and group and provisions them with their memberships. */
    SyncResult sync() {
        try (LDAPConnection conn = connect()) {
            Map<String, LdapUser> byDn = new HashMap<>();
            SearchResult users = conn.search(settings.userSearchBase(), SearchScope.SUB, settings.userListFilter(),
                    settings.usernameAttribute(), settings.displayNameAttribute(), settings.emailAttribute());
            for (SearchResultEntry e : users.getSearchEntries()) {
                LdapUser u = user(e);
                if (u.username() != null) {
                    byDn.put(e.getParsedDN().toNormalizedString(), u);
                }
            }
            Map<String, List<String>> groupsOfUser = new HashMap<>();
            SearchResult groups = conn.search(settings.groupSearchBase(), SearchScope.SUB, settings.groupListFilter(),
                    settings.groupNameAttribute(), settings.groupMemberAttribute());
            for (SearchResultEntry g : groups.getSearchEntries()) {
                String name = g.getAttributeValue(settings.groupNameAttribute());
                String[] members = g.getAttributeValues(settings.groupMemberAttribute());
                if (name == null || members == null) {
                    continue;
                }
                for (String member : members) {
                    String key = new DN(member).toNormalizedString();
                    groupsOfUser.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
                }
            }
            int provisioned = 0;
            for (Map.Entry<String, LdapUser> e : byDn.entrySet()) {
                LdapUser u = e.getValue();
                if (external.provision("ldap", u.username(), u.displayName(), u.email(),
                        groupsOfUser.getOrDefault(e.getKey(), List.of())).isPresent()) {
                    provisioned++;
                }
            }
            log.info("LDAP sync: {} users, {} groups", provisioned, groups.getEntryCount());
            return new SyncResult(provisioned, groups.getEntryCount());
        } catch (LDAPException e) {
            throw new IllegalStateException("LDAP sync failed: " + e.getResultCode() + " " + e.getDiagnosticMessage(), e);
        }
    }

    @Scheduled(fixedDelayString = "${flotilla.iam.ldap.sync-interval:1h}",
            initialDelayString = "${flotilla.iam.ldap.sync-interval:1h}")
    void scheduledSync() {
        try {
            sync();
        } catch (IllegalStateException e) {
            log.warn("{}", e.getMessage());
        }
    }

    private LdapUser findUser(LDAPConnection conn, String username) throws LDAPException {
        String filter = settings.userFilter().replace("{0}", Filter.encodeValue(username));
        SearchResult r = conn.search(settings.userSearchBase(), SearchScope.SUB, filter,
                settings.usernameAttribute(), settings.displayNameAttribute(), settings.emailAttribute());
        if (r.getEntryCount() != 1) {
            return null;
        }
        return user(r.getSearchEntries().getFirst());
    }

    private List<String> groupsOf(LDAPConnection conn, String userDn) throws LDAPException {
        if (settings.groupSearchBase().isBlank()) {
            return List.of();
        }
        String filter = settings.groupFilter().replace("{0}", Filter.encodeValue(userDn));
        List<String> names = new ArrayList<>();
        for (SearchResultEntry g : conn.search(settings.groupSearchBase(), SearchScope.SUB, filter,
                settings.groupNameAttribute()).getSearchEntries()) {
            String name = g.getAttributeValue(settings.groupNameAttribute());
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private LdapUser user(SearchResultEntry e) {
        return new LdapUser(e.getDN(), e.getAttributeValue(settings.usernameAttribute()),
                e.getAttributeValue(settings.displayNameAttribute()), e.getAttributeValue(settings.emailAttribute()));
    }

    /** A connection bound as the service account (anonymous when no bind DN is set). */
    private LDAPConnection connect() throws LDAPException {
        return connect(true);
    }

    private LDAPConnection connect(boolean bindService) throws LDAPException {
        LDAPURL url = new LDAPURL(settings.url());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(5000);
        options.setResponseTimeoutMillis(10000);
        LDAPConnection conn;
        if ("ldaps".equalsIgnoreCase(url.getScheme())) {
            try {
                SSLUtil ssl = new SSLUtil(new TrustStoreTrustManager(System.getProperty("java.home")
                        + "/lib/security/cacerts"));
                conn = new LDAPConnection(ssl.createSSLSocketFactory(), options, url.getHost(), url.getPort());
            } catch (GeneralSecurityException e) {
                throw new LDAPException(ResultCode.CONNECT_ERROR, "TLS setup failed: " + e.getMessage(), e);
            }
        } else {
            conn = new LDAPConnection(options, url.getHost(), url.getPort());
        }
        if (bindService && !settings.bindDn().isBlank()) {
            try {
                conn.bind(settings.bindDn(), settings.bindPassword());
            } catch (LDAPException e) {
                conn.close();
                throw e;
            }
        }
        return conn;
    }
}
