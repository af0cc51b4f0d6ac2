package se.lefi.domain.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether the service answers questions at a moment: inside the opening hours and outside every
 * planned maintenance window. A closure says why and when the service opens again, in words without
 * personal data, for the refusal and for health.
 */
public record ServiceWindows(OpeningHours hours, List<MaintenanceWindow> maintenance) {

    public record Closure(String reason, Instant reopens) {}

    public Optional<Closure> closedAt(Instant at) {
        Optional<MaintenanceWindow> window = maintenance.stream().filter(w -> w.covers(at))
                .max(Comparator.comparing(MaintenanceWindow::end));
        if (window.isPresent()) {
            return Optional.of(new Closure("Planned maintenance: " + window.get().reason(), window.get().end()));
        }
        if (!hours.isOpen(at)) {
            return Optional.of(new Closure("Outside the opening hours (" + hours + ", Swedish time)",
                    hours.nextOpening(at).orElse(null)));
        }
        return Optional.empty();
    }
}
