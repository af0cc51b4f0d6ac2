package se.lefi.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a signed seal (format 2) states, as one canonical text: the chain, the seal's number and time, the
 * previous seal's hash, and each sealed record's id and hash in order. The seal's hash is the SHA-256 of
 * this text and its signature is over this text, so a verifier needs nothing but the seal's fields to
 * check both, and the entries name every record the seal covers, which is what lets a check say which
 * record was changed, removed, moved or inserted.
 */
public final class SealStatement {
    public static final int FORMAT = 2;
    /** The chain of the audit records (questions, notifications). */
    public static final String AUDIT = "audit";
    /** The chain of the administrators' actions. */
    public static final String ADMIN = "admin";

    /** One record as its seal states it. */
    public record Entry(long id, String hash) {
    }

    private SealStatement() {
    }

    public static String text(String chain, long sealId, Instant sealedAt, String previousHash, List<Entry> entries) {
        StringBuilder text = new StringBuilder(96 + entries.size() * 80)
                .append("lefi audit seal ").append(FORMAT).append('\n')
                .append("chain ").append(chain).append('\n')
                .append("seal ").append(sealId).append('\n')
                .append("sealed ").append(sealedAt).append('\n')
                .append("previous ").append(previousHash).append('\n');
        text.append(entries(entries));
        return text.toString();
    }

    public static String hash(String statement) {
        return AuditChain.sha256(statement);
    }

    /** The entries as the seal stores them: one "id hash" line each. */
    public static String entries(List<Entry> entries) {
        StringBuilder text = new StringBuilder(entries.size() * 80);
        for (Entry entry : entries) {
            text.append(entry.id()).append(' ').append(entry.hash()).append('\n');
        }
        return text.toString();
    }

    /** As {@link #parseEntries(String)}, or null when the text is not entries: a check reports that, it does not fail on it. */
    public static List<Entry> parseEntriesOrNull(String text) {
        try {
            return parseEntries(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The entries of {@link #entries(List)}'s text; a line that is not "id hash" is an {@link IllegalArgumentException}. */
    public static List<Entry> parseEntries(String text) {
        List<Entry> entries = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return entries;
        }
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space < 1 || line.length() - space - 1 != 64) {
                throw new IllegalArgumentException("a seal entry is \"id hash\"");
            }
            entries.add(new Entry(Long.parseLong(line.substring(0, space)), line.substring(space + 1)));
        }
        return entries;
    }
}
