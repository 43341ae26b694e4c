package io.github.segmentabsmartly.bridge.support;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A copy of the project's routes/ folder, to edit as a user would, for a bridge started on it. */
public final class EditedRoutes {

    private final Path folder;

    private EditedRoutes(Path folder) {
        this.folder = folder;
    }

    public static EditedRoutes copyTo(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return new EditedRoutes(folder);
    }

    /** Replaces text in one of the files; the text must be there. */
    public EditedRoutes replace(String file, String text, String replacement) throws IOException {
        return edit(file, text, before -> before.replace(text, replacement));
    }

    /** Makes the step that calls the processor bean {@code ref} throw instead: an edit gone wrong. */
    public EditedRoutes failingAt(String file, String ref) throws IOException {
        return edit(file, ref, before -> before.replaceAll("- process:\n( +)ref: " + ref + "\n",
                "- throwException:\n$1exceptionType: java.lang.IllegalStateException\n$1message: an edit gone wrong\n"));
    }

    /**
     * Puts steps (YAML, as they would stand in a route's step list) before the processor step {@code ref: name}, at
     * that step's indentation.
     */
    public EditedRoutes holdingEachEvent(String file, String ref, String steps) throws IOException {
        return edit(file, ref, before -> before.replaceAll("( +)- process:\n( +)" + ref + "\n", steps.lines()
                .map(line -> "$1" + line).collect(java.util.stream.Collectors.joining("\n", "", "\n"))
                + "$1- process:\n$2" + ref + "\n"));
    }

    private EditedRoutes edit(String file, String what, UnaryOperator<String> change) throws IOException {
        Path path = folder.resolve(file);
        String before = Files.readString(path);
        String after = change.apply(before);
        assertNotEquals(before, after, what + " is not in " + file);
        // saved whole, as editors save, so that a bridge watching the folder reloads it once
        Path saved = Files.writeString(Files.createTempFile(folder.getParent(), file, ".saving"), after);
        Files.move(saved, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return this;
    }

    /** For camel.main.routes-include-pattern: a bridge started with it reads these routes. */
    public String includePattern() {
        return "file:" + folder + "/*.yaml";
    }

    public Path folder() {
        return folder;
    }
}
