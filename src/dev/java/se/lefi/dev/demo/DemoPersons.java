package se.lefi.dev.demo;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.PersonRecord;
import se.lefi.dev.register.SyntheticRegister;

/**
 * Prints a few persons of the demo register with what it holds about them, for {@code bin/lefi serve}'s
 * banner: a caller needs a personnummer that exists. Plain Java, run from the built classes before the
 * server starts. Arguments: the seed (lefi.demo.seed) and how many persons are loaded (lefi.demo.persons).
 */
public final class DemoPersons {
    private static final int SHOWN = 5;

    private DemoPersons() {
    }

    public static void main(String[] args) {
        SyntheticRegister register = new SyntheticRegister(Long.parseLong(args[0]));
        long persons = Long.parseLong(args[1]);
        // A samordningsnummer among them, then persons with the most kinds of benefit.
        LongStream.range(0, persons).filter(SyntheticRegister::isCoordinationIndex).mapToObj(register::person)
                .filter(p -> !p.decisions().isEmpty()).limit(1).forEach(p -> print(p, "samordningsnummer"));
        LongStream.range(0, persons).filter(i -> !SyntheticRegister.isCoordinationIndex(i))
                .mapToObj(register::person).filter(p -> benefits(p).size() >= 3).limit(SHOWN - 1)
                .forEach(p -> print(p, "personnummer"));
    }

    private static Set<String> benefits(PersonRecord person) {
        return person.decisions().stream().map(Decision::benefit).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void print(PersonRecord person, String kind) {
        System.out.printf("      %s  %-17s born %s; decisions %s%s%n", person.person().personId(), kind, person.person().birthDate(),
                String.join(",", benefits(person)), person.sgi().isEmpty() ? "" : "; SGI");
    }
}
