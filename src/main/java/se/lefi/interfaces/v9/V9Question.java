package se.lefi.interfaces.v9;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import se.lefi.domain.register.InformationType;

/**
 * A v9 question (LefiExternFormansinformationFraga), parsed and bounded. Lists keep the caller's codes
 * (e.g. "FK:SJP", "PM:AP"); absent lists are empty. {@link #toString()} hides the personnummer.
 */
public record V9Question(String personnummer, LocalDate from, LocalDate tom,
        List<String> formansinformation, List<String> ansprak, List<String> beslut,
        List<String> preliminaraUtbetalningar, List<String> utbetalningar, List<String> ovrigInformation) {

    public V9Question {
        Objects.requireNonNull(personnummer, "personnummer");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(tom, "tom");
        formansinformation = copy(formansinformation);
        ansprak = copy(ansprak);
        beslut = copy(beslut);
        preliminaraUtbetalningar = copy(preliminaraUtbetalningar);
        utbetalningar = copy(utbetalningar);
        ovrigInformation = copy(ovrigInformation);
    }

    private static List<String> copy(List<String> codes) {
        return codes == null ? List.of() : List.copyOf(codes);
    }

    /**
     * The types lefi's register holds that were asked for in any class: FK benefit codes in
     * formansinformation / preliminaraUtbetalningar / utbetalningar, and FK:SGI, FK:GEPI in ovrigInformation.
     */
    public Set<InformationType> heldTypes() {
        Set<InformationType> held = EnumSet.noneOf(InformationType.class);
        Stream.of(formansinformation, preliminaraUtbetalningar, utbetalningar).flatMap(List::stream)
                .map(V9Codes::heldBenefit).filter(Objects::nonNull).forEach(held::add);
        ovrigInformation.stream().map(V9Codes::heldOtherInformation).filter(Objects::nonNull).forEach(held::add);
        return held;
    }

    /** True when some asked code is not lefi's: any PM: code, or FK:PANV, FK:SKUP, FK:STAV. */
    public boolean otherSourcesAsked() {
        return allCodes().anyMatch(c -> V9Codes.isPm(c) || V9Codes.NOT_PROVIDED_OTHER_INFORMATION.contains(c));
    }

    /** True when no code at all was asked in any class. */
    public boolean nothingAsked() {
        return allCodes().findAny().isEmpty();
    }

    boolean anyFkAsked() {
        return allCodes().anyMatch(V9Codes::isFk);
    }

    boolean anyPmAsked() {
        return allCodes().anyMatch(V9Codes::isPm);
    }

    private Stream<String> allCodes() {
        return Stream.of(formansinformation, ansprak, beslut, preliminaraUtbetalningar, utbetalningar, ovrigInformation)
                .flatMap(List::stream);
    }

    @Override
    public String toString() {
        return "V9Question[period=" + from + ".." + tom + ", formansinformation=" + formansinformation
                + ", ansprak=" + ansprak + ", beslut=" + beslut + ", preliminaraUtbetalningar=" + preliminaraUtbetalningar
                + ", utbetalningar=" + utbetalningar + ", ovrigInformation=" + ovrigInformation + "]";
    }
}
