package dev.scopekeeper.notify;

/** One message to one address: plain text and the same as HTML. Never carries a secret. */
record Mail(String to, String subject, String text, String html) {}
