package se.lefi.domain.fees;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import se.lefi.domain.party.PartyKind;

/** One price list (prislista): the prices of each invoiced party kind, in force from {@code validFrom}. */
public record PriceList(LocalDate validFrom, Map<PartyKind, Prices> prices) {
    public PriceList {
        prices = prices.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(prices));
    }

    public Optional<Prices> pricesFor(PartyKind kind) {
        return Optional.ofNullable(prices.get(kind));
    }
}
