package io.rtsp4j.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads process figures from Linux {@code /proc}: CPU time ({@code stat} fields utime + stime, in clock ticks of
 * 1/100 s: USER_HZ is 100 on every Linux ABI the JDK runs on), resident set ({@code status} VmRSS), thread count
 * and the 1-minute load average. Every reader returns -1 when the file is missing or unreadable.
 */
final class ProcStats {

    /** USER_HZ: the unit of the CPU times of /proc/PID/stat. */
    static final int TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    /**
     * CPU seconds (user + system) a process has used.
     *
     * @param pid the pid, or 0 for this process
     * @return seconds, or -1
     */
    static double cpuSeconds(long pid) {
        String stat = read(Path.of("/proc", pid == 0 ? "self" : Long.toString(pid), "stat"));
        if (stat == null) {
            return -1;
        }
        long ticks = cpuTicks(stat);
        return ticks < 0 ? -1 : ticks / (double) TICKS_PER_SECOND;
    }

    /**
     * Parses utime + stime from the text of {@code /proc/PID/stat}.
     *
     * @param stat the file's text
     * @return clock ticks, or -1 if the text is malformed
     */
    static long cpuTicks(String stat) {
        // the command name (field 2) is in parentheses and may contain spaces and ')': fields restart after the
        // last ')'; utime and stime are fields 14 and 15, i.e. the 12th and 13th after the name
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        if (f.length < 13) {
            return -1;
        }
        try {
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The resident set of a process.
     *
     * @param pid the pid, or 0 for this process
     * @return kilobytes, or -1
     */
    static long rssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /**
     * The number of threads of a process.
     *
     * @param pid the pid, or 0 for this process
     * @return threads, or -1
     */
    static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    private static long statusField(long pid, String name) {
        String status = read(Path.of("/proc", pid == 0 ? "self" : Long.toString(pid), "status"));
        return status == null ? -1 : statusValue(status, name);
    }

    /**
     * The number after {@code name} in the text of {@code /proc/PID/status}.
     *
     * @param status the file's text
     * @param name the field name with its colon, e.g. {@code VmRSS:}
     * @return the number (kB for memory fields), or -1
     */
    static long statusValue(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * The 1-minute load average.
     *
     * @return the load, or -1
     */
    static double load1() {
        String s = read(Path.of("/proc/loadavg"));
        if (s == null) {
            return -1;
        }
        try {
            return Double.parseDouble(s.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The machine's CPU time so far from the first line of {@code /proc/stat}: all ticks and the ticks stolen by
     * the hypervisor (the 8th value, "steal"), so that a run on a virtual machine whose host was busy can be told
     * from one that was not.
     *
     * @return {total ticks, steal ticks}, or null when unreadable
     */
    static long[] machineTicks() {
        String s = read(Path.of("/proc/stat"));
        return s == null ? null : machineTicks(s);
    }

    /** {@link #machineTicks()} from the text of {@code /proc/stat}; null when its first line is not the cpu line. */
    static long[] machineTicks(String stat) {
        int end = stat.indexOf('\n');
        String line = end < 0 ? stat : stat.substring(0, end);
        String[] f = line.trim().split("\\s+");
        if (f.length < 5 || !f[0].equals("cpu")) {
            return null;
        }
        long total = 0;
        long steal = 0;
        try {
            // user nice system idle iowait irq softirq steal guest guest_nice: guest time is already in user.
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            if (f.length > 8) {
                steal = Long.parseLong(f[8]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return new long[] {total, steal};
    }

    /**
     * Percentage of the machine's CPU time stolen between two {@link #machineTicks()} samples.
     *
     * @return the percentage, or -1 when either sample is missing or no time passed
     */
    static double stealPercent(long[] start, long[] end) {
        if (start == null || end == null || end[0] <= start[0]) {
            return -1;
        }
        return 100.0 * (end[1] - start[1]) / (end[0] - start[0]);
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
