package io.github.hpcblueprints.azure.authorization;

/**
 * What kind of principal a role assignment is for. Naming it lets ARM assign a just-created identity without
 * waiting for directory replication, and lets the rules tell groups from individual users.
 */
public enum PrincipalType { Group, ServicePrincipal, User, ForeignGroup, Device }
