package io.github.segmentabsmartly.bridge.replay;

/**
 * One line of a replayed file.
 *
 * @param number its line number, from 1
 * @param text   the line, or null when it was longer than a line the bridge writes
 * @param halt   the file's replay, which each of its lines may halt
 */
record ReplayLine(int number, String text, ReplayHalt halt) {
}
