package se.lefi.domain.access;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's tables of the access steps and of the ways in are the code's lists, word for word. */
class AccessStepsDocumentedTest {
    @Test
    void theReadmesStepTableIsTheStepList() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String steps = stepTable();
        assertTrue(readme.contains(steps), "README.md must hold the steps' table as the code has it:\n" + steps);
        String ways = wayTable();
        assertTrue(readme.contains(ways), "README.md must hold the ways' table as the code has it:\n" + ways);
    }

    static String stepTable() {
        StringBuilder table = new StringBuilder("| step | what must hold | refusal codes |\n|---|---|---|\n");
        for (AccessStep step : AccessStep.values()) {
            table.append("| `").append(step.name()).append("` | ").append(step.rule()).append(" | ")
                    .append(step.codes().isEmpty() ? "—" : step.codes().stream().sorted().map(c -> "`" + c + "`").collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return table.toString();
    }

    static String wayTable() {
        StringBuilder table = new StringBuilder("| way in | its steps, in order |\n|---|---|\n");
        for (AccessPipeline.Way way : AccessPipeline.WAYS) {
            table.append("| ").append(way.name()).append(" | ")
                    .append(way.steps().stream().map(AccessStep::name).collect(Collectors.joining(", "))).append(" |\n");
        }
        return table.toString();
    }

    /** Prints both tables, for pasting into the README after a change to the steps. */
    public static void main(String[] args) {
        System.out.print(stepTable() + "\n" + wayTable());
    }
}
