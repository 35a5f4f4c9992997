// pulumi-domainsreseller: Pulumi resources for the ModulesGarden Domains Reseller API.
export { RegistrarLock, type RegistrarLockArgs } from "./resources/registrarLock";
