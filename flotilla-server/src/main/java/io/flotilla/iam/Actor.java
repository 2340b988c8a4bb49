package io.flotilla.iam;

import java.io.Serializable;

/**
 * An authenticated caller.
 *
 * @param username the user's name
 * @param accessKeyId the id of the access key the request was authenticated with, or null
 * @param method how the caller signed in: session, basic, accesskey
 */
public record Actor(String username, String accessKeyId, String method) implements Serializable {}
