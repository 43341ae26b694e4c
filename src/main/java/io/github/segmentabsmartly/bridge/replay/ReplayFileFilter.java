package io.github.segmentabsmartly.bridge.replay;

import java.io.File;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files the replay folder takes: regular files, never a symbolic link, which could name any file the bridge can
 * read. A link is left where it is, and logged once.
 */
public class ReplayFileFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger("bridge.replay");

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public boolean accept(GenericFile<File> file) {
        boolean link = Files.isSymbolicLink(file.getFile().toPath());
        if (link && reported.add(file.getAbsoluteFilePath())) {
            LOG.warn("not replayed: {} is a symbolic link; move the file itself into the replay folder",
                    file.getFileName());
        }
        return !link;
    }
}
