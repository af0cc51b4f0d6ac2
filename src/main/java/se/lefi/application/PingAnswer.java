package se.lefi.application;

import java.time.Instant;

public record PingAnswer(String serviceVersion, Instant serverTime, Instant registerTime) {
}
