package dev.scopekeeper.entities;

/** The only place a client secret ever appears in plain text: the answer to create and update_secret. */
public record IssuedClientSecret(ClientView client, String secret) {

    @Override
    public String toString() {
        return "IssuedClientSecret[client=" + client + ", secret=<hidden>]";
    }
}
