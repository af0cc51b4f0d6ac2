package se.lefi.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's request threads spend their CPU, from a Java Flight Recorder file that
 * {@code bin/lefi bench --profile} recorded of the server ({@link LefiBench} starts the recording with
 * jcmd after the server warm-up round and stops it after the last measured window). Prints figures only.
 *
 * <p>Of the {@code jdk.ExecutionSample} events (a thread's stack, sampled while it runs Java code;
 * time a thread spends blocked or in native code, such as reading a socket, is not sampled), only
 * those of the threads that serve requests are kept: Payara's HTTP workers, named
 * {@code http-thread-pool::https-listener(N)}.
 *
 * <p>Each kept sample is attributed to one layer by {@link #layer(List)}: walk its stack from the top
 * frame (the method running) towards the thread's start and skip the frames of generic JDK code
 * ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.proxy.}, which includes
 * {@code jdk.internal.} and {@code sun.misc.}), except those that belong to a named layer (TLS:
 * {@code sun.security.}, {@code javax.net.ssl.}, {@code com.sun.crypto.}; XML: {@code javax.xml.}).
 * The first frame not skipped decides: its layer from {@link #LAYERS}, or "other" when its class is in
 * none of them (Payara's own code, HK2, ...). A sample made of generic JDK frames only is "JDK other".
 * The classes the containers generate in lefi's packages (EJB's {@code __EJB31_Generated__...} views,
 * Weld's {@code ...$Proxy$_$$_WeldClientProxy}) belong to "EJB, CDI and JTA", not to lefi's code.
 *
 * <p>So a {@code HashMap.get} called by EclipseLink counts as EclipseLink, and a SHA-256 digest that lefi
 * computes itself counts as TLS (it runs in {@code sun.security.provider}). Frames are those JFR kept:
 * {@link LefiBench} raises the stack depth to {@value #STACK_DEPTH} before it starts the recording, and
 * a truncated stack (its bottom missing) is still decided from the top.
 *
 * <p>It also prints lefi's methods by the share of samples with that method anywhere on the stack
 * (counted once per sample; what a call of lefi's costs, everything it calls included), and the
 * methods most often on top of the stack.
 *
 * <pre>
 * java -cp &lt;test classpath&gt; se.lefi.bench.ProfileLayers var/log/bench-profile.jfr
 * </pre>
 */
public final class ProfileLayers {
    /** The stack depth LefiBench asks JFR for (JFR.configure stackdepth=...); JFR's default is 64. */
    static final int STACK_DEPTH = 512;
    /** Payara's HTTP worker threads: http-thread-pool::https-listener(N). */
    static final String REQUEST_THREAD_PREFIX = "http-thread-pool::";
    static final String LEFI = "lefi's own code";
    static final String JDK_OTHER = "JDK other";
    static final String OTHER = "other";
    static final String EJB_CDI_JTA = "EJB, CDI and JTA";

    /** Layer name to its package prefixes, in the order the tables list them. */
    static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put(LEFI, List.of("se.lefi."));
        LAYERS.put("CXF, JAXB and XML", List.of("org.apache.cxf.", "com.sun.xml.bind.", "org.glassfish.jaxb.", "jakarta.xml.",
                "javax.xml.", "com.sun.org.apache.xerces.", "com.ctc.wstx.", "org.codehaus.stax2.", "com.sun.xml."));
        LAYERS.put(EJB_CDI_JTA, List.of("com.sun.ejb.", "org.glassfish.ejb.", "org.jboss.weld.", "org.glassfish.weld.",
                "com.sun.enterprise.transaction.", "org.glassfish.transaction.", "com.sun.jts.", "jakarta.ejb.",
                "jakarta.enterprise.", "org.glassfish.cdi."));
        LAYERS.put("EclipseLink", List.of("org.eclipse.persistence."));
        LAYERS.put("H2", List.of("org.h2."));
        LAYERS.put("PostgreSQL JDBC", List.of("org.postgresql."));
        LAYERS.put("JDBC pool", List.of("com.sun.gjc.", "com.sun.enterprise.resource."));
        LAYERS.put("Grizzly / HTTP", List.of("org.glassfish.grizzly.", "org.apache.catalina.", "org.apache.coyote.",
                "com.sun.enterprise.web."));
        LAYERS.put("TLS", List.of("sun.security.ssl.", "sun.security.", "javax.net.ssl.", "com.sun.crypto.", "sun.security.ec."));
    }

    /** Generic JDK code: skipped while walking down a stack, unless a layer above claims the class. */
    private static final List<String> GENERIC_JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.proxy.");

    private ProfileLayers() {
    }

    /**
     * The layer a sample belongs to, from its frames' class names, top frame first: the first frame
     * that is not generic JDK code decides (its layer, or "other"); "JDK other" if every frame is.
     */
    static String layer(List<String> classNamesTopFirst) {
        for (String className : classNamesTopFirst) {
            String named = namedLayer(className);
            if (named != null) {
                return named;
            }
            if (!startsWithAny(className, GENERIC_JDK)) {
                return OTHER;
            }
        }
        return JDK_OTHER;
    }

    private static String namedLayer(String className) {
        if (className.contains(".__EJB31_Generated__") || className.contains("$Proxy$_$$_Weld")) {
            return EJB_CDI_JTA;
        }
        for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
            if (startsWithAny(className, layer.getValue())) {
                return layer.getKey();
            }
        }
        return null;
    }

    private static boolean startsWithAny(String className, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The JDK's XML Schema validator, which CXF runs over every SOAP body (schema-validation-enabled). */
    static boolean validatesSchema(String className) {
        return className.startsWith("com.sun.org.apache.xerces.internal.impl.xs.")
                || className.startsWith("com.sun.org.apache.xerces.internal.jaxp.validation.");
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ProfileLayers <recording.jfr>");
        }
        Path file = Path.of(args[0]);
        long total = 0;
        long kept = 0;
        long truncated = 0;
        Set<String> requestThreads = new LinkedHashSet<>();
        Map<String, Long> otherThreads = new HashMap<>();
        Map<String, Long> layers = new LinkedHashMap<>();
        LAYERS.keySet().forEach(name -> layers.put(name, 0L));
        layers.put(JDK_OTHER, 0L);
        layers.put(OTHER, 0L);
        Map<String, Long> lefiOnStack = new HashMap<>();
        Map<String, Long> topFrames = new HashMap<>();
        long validating = 0;

        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                total++;
                RecordedThread thread = event.getThread("sampledThread");
                String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                if (!threadName.startsWith(REQUEST_THREAD_PREFIX)) {
                    otherThreads.merge(threadName.replaceAll("\\d+", "N"), 1L, Long::sum);
                    continue;
                }
                kept++;
                requestThreads.add(threadName);
                truncated += event.getStackTrace().isTruncated() ? 1 : 0;
                List<String> classNames = new ArrayList<>();
                Set<String> lefiMethods = new LinkedHashSet<>();
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    String className = frame.getMethod().getType().getName();
                    classNames.add(className);
                    if (LEFI.equals(namedLayer(className))) {
                        lefiMethods.add(methodName(frame.getMethod()));
                    }
                }
                layers.merge(layer(classNames), 1L, Long::sum);
                validating += classNames.stream().anyMatch(ProfileLayers::validatesSchema) ? 1 : 0;
                lefiMethods.forEach(method -> lefiOnStack.merge(method, 1L, Long::sum));
                if (!event.getStackTrace().getFrames().isEmpty()) {
                    topFrames.merge(methodName(event.getStackTrace().getFrames().get(0).getMethod()), 1L, Long::sum);
                }
            }
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "Server profile (JFR, %s)%n", file);
        System.out.printf(Locale.ROOT, "  kept %,d of %,d execution samples: those of the %d request threads (%s*); %,d of them truncated%n",
                kept, total, requestThreads.size(), REQUEST_THREAD_PREFIX, truncated);
        System.out.printf(Locale.ROOT, "  not kept, by thread: %s%n", top(otherThreads, 6));
        System.out.println("  a sample belongs to the first frame from the top that is not generic JDK code (see ProfileLayers)");
        System.out.println();
        System.out.println("| layer | samples | share |");
        System.out.println("|---|---|---|");
        for (Map.Entry<String, Long> layer : layers.entrySet()) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %s |%n", layer.getKey(), layer.getValue(), share(layer.getValue(), kept));
        }
        System.out.printf(Locale.ROOT, "%nSchema validation (the XML Schema validator anywhere on the stack, within the layers above): %,d samples, %s%n",
                validating, share(validating, kept));
        System.out.println();
        System.out.println("Where lefi's code is on the stack (samples with the method anywhere on the stack, once per sample):");
        table("lefi method", lefiOnStack, 15, kept);
        System.out.println();
        System.out.println("Top of the stack (the method running):");
        table("method", topFrames, 20, kept);
        System.out.flush();
    }

    private static void table(String heading, Map<String, Long> counts, int limit, long kept) {
        System.out.printf(Locale.ROOT, "| %s | samples | share |%n|---|---|---|%n", heading);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %,d | %s |%n", e.getKey(), e.getValue(), share(e.getValue(), kept)));
    }

    private static String top(Map<String, Long> counts, int limit) {
        if (counts.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(e -> parts.add(String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue())));
        return String.join(", ", parts) + (counts.size() > limit ? ", ..." : "");
    }

    /** Class and method; a lambda's hidden class loses its per-run suffix ($$Lambda$123/0x...). */
    private static String methodName(RecordedMethod method) {
        String type = method.getType().getName();
        int lambda = type.indexOf("$$Lambda$");
        if (lambda >= 0) {
            type = type.substring(0, lambda) + "$$Lambda";
        }
        return type + "." + method.getName();
    }

    private static String share(long count, long of) {
        return of == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * count / of);
    }
}
