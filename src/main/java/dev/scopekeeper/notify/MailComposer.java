package dev.scopekeeper.notify;

import dev.scopekeeper.base.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Short messages from the translation bundle ({@code mail.<kind>.subject} and {@code mail.<kind>.body}),
 * each ending with a link to the token's page under {@code SCOPEKEEPER_PUBLIC_URL}. Only names, times and
 * reasons go in: never a secret.
 */
@Component
class MailComposer {

    private final String publicUrl;

    MailComposer(@Value("${scopekeeper.public-url:http://localhost:8080}") String publicUrl) {
        String url = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String tokenLink(long patId) {
        return publicUrl + "/pats/" + patId;
    }

    /** The body's arguments are {@code args}; the link to the token is added to both parts. */
    Mail compose(String to, String recipientName, String kind, long patId, Object... args) {
        String subject = Messages.get("mail." + kind + ".subject", args);
        String body = Messages.get("mail." + kind + ".body", args);
        String greeting = Messages.get("mail.greeting", recipientName);
        String link = tokenLink(patId);
        String open = Messages.get("mail.openToken");
        String footer = Messages.get("mail.footer");
        String text = greeting + "\n\n" + body + "\n\n" + open + " " + link + "\n\n-- \n" + footer + "\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                + "<p>" + HtmlUtils.htmlEscape(greeting) + "</p>"
                + "<p>" + HtmlUtils.htmlEscape(body) + "</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(open) + "</a></p>"
                + "<p style=\"color:#666;font-size:smaller\">" + HtmlUtils.htmlEscape(footer) + "</p>"
                + "</body></html>";
        return new Mail(to, subject, text, html);
    }
}
