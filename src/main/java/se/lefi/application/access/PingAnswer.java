package se.lefi.application.access;

import java.time.Instant;

public record PingAnswer(String serviceVersion, Instant serverTime, Instant registerTime) {
}
