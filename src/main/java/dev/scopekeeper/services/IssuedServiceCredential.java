package dev.scopekeeper.services;

/** A new service credential with its secret: the only place the secret exists, returned once by create. */
public record IssuedServiceCredential(ServiceCredentialView credential, String secret) {

    @Override
    public String toString() {
        return "IssuedServiceCredential[credential=" + credential + ", secret=<hidden>]";
    }
}
