package se.lefi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The attribution rule of the bench profile: the first frame from the top that is not generic JDK code decides. */
class ProfileLayersTest {

    @Test
    void theTopFrameDecidesWhenItIsInALayer() {
        assertEquals("H2", ProfileLayers.layer(List.of("org.h2.mvstore.Page", "org.eclipse.persistence.queries.ReadAllQuery",
                "se.lefi.infrastructure.register.RegisterReader")));
        assertEquals(ProfileLayers.LEFI, ProfileLayers.layer(List.of("se.lefi.domain.access.Agreement",
                "org.jboss.weld.bean.proxy.CombinedInterceptorAndDecoratorStackMethodHandler")));
    }

    @Test
    void genericJdkFramesAreSkippedToTheirCaller() {
        assertEquals("EclipseLink", ProfileLayers.layer(List.of("java.util.HashMap", "jdk.internal.misc.Unsafe",
                "sun.misc.Unsafe", "org.eclipse.persistence.internal.sessions.UnitOfWorkImpl", "se.lefi.X")));
        assertEquals(ProfileLayers.LEFI, ProfileLayers.layer(List.of("java.lang.String", "se.lefi.domain.register.Decision",
                "org.apache.cxf.service.invoker.AbstractInvoker")));
        assertEquals("Grizzly / HTTP", ProfileLayers.layer(List.of("sun.nio.ch.SocketDispatcher", "java.nio.channels.spi.AbstractSelector",
                "org.glassfish.grizzly.nio.transport.TCPNIOTransport")));
    }

    @Test
    void jdkFramesOfANamedLayerAreNotSkipped() {
        assertEquals("TLS", ProfileLayers.layer(List.of("java.math.BigInteger", "sun.security.ec.ECOperations",
                "sun.security.ssl.SSLEngineImpl", "org.glassfish.grizzly.ssl.SSLConnectionContext")));
        assertEquals("TLS", ProfileLayers.layer(List.of("com.sun.crypto.provider.GaloisCounterMode", "javax.crypto.Cipher",
                "sun.security.ssl.SSLCipher")));
        assertEquals("TLS", ProfileLayers.layer(List.of("javax.net.ssl.SSLEngine", "org.glassfish.grizzly.ssl.SSLUtils")));
        assertEquals("CXF, JAXB and XML", ProfileLayers.layer(List.of("java.lang.String", "com.sun.org.apache.xerces.internal.impl.XMLScanner",
                "org.apache.cxf.staxutils.StaxUtils")));
        assertEquals("CXF, JAXB and XML", ProfileLayers.layer(List.of("javax.xml.stream.XMLStreamReader", "se.lefi.X")));
    }

    @Test
    void eachNamedLayerByItsPrefixes() {
        assertEquals("CXF, JAXB and XML", ProfileLayers.layer(List.of("org.glassfish.jaxb.runtime.v2.runtime.JAXBContextImpl")));
        assertEquals("CXF, JAXB and XML", ProfileLayers.layer(List.of("com.ctc.wstx.sr.BasicStreamReader")));
        assertEquals("EJB, CDI and JTA", ProfileLayers.layer(List.of("com.sun.ejb.containers.BaseContainer")));
        assertEquals("EJB, CDI and JTA", ProfileLayers.layer(List.of("com.sun.enterprise.transaction.JavaEETransactionManagerSimplified")));
        assertEquals("EJB, CDI and JTA", ProfileLayers.layer(List.of("org.jboss.weld.manager.BeanManagerImpl")));
        assertEquals("PostgreSQL JDBC", ProfileLayers.layer(List.of("org.postgresql.core.v3.QueryExecutorImpl")));
        assertEquals("JDBC pool", ProfileLayers.layer(List.of("com.sun.gjc.spi.base.ConnectionHolder")));
        assertEquals("JDBC pool", ProfileLayers.layer(List.of("com.sun.enterprise.resource.pool.ConnectionPool")));
        assertEquals("Grizzly / HTTP", ProfileLayers.layer(List.of("org.apache.catalina.core.StandardWrapperValve")));
        assertEquals("Grizzly / HTTP", ProfileLayers.layer(List.of("com.sun.enterprise.web.WebPipeline")));
    }

    @Test
    void containerGeneratedClassesInLefisPackagesAreTheContainers() {
        assertEquals("EJB, CDI and JTA", ProfileLayers.layer(List.of(
                "se.lefi.application.__EJB31_Generated__DisclosureService__Intf____Bean__", "se.lefi.interfaces.soap.LefiOnlineEndpoint")));
        assertEquals("EJB, CDI and JTA", ProfileLayers.layer(List.of(
                "se.lefi.infrastructure.metrics.ServiceLevelMeter$Proxy$_$$_WeldClientProxy", "se.lefi.X")));
        assertEquals(ProfileLayers.LEFI, ProfileLayers.layer(List.of("java.util.HashMap",
                "se.lefi.application.access.CallerIdentification$$Lambda$2388+0x00007fd6fd02a0f8.819706584")));
    }

    @Test
    void aFrameInNoLayerIsOtherAndDecidesAsWell() {
        assertEquals(ProfileLayers.OTHER, ProfileLayers.layer(List.of("java.util.ArrayList", "fish.payara.nucleus.requesttracing.RequestTracingService",
                "org.glassfish.grizzly.http.server.HttpHandler")));
        assertEquals(ProfileLayers.OTHER, ProfileLayers.layer(List.of("com.sun.enterprise.util.Utility", "se.lefi.X")));
    }

    @Test
    void onlyGenericJdkFramesAreJdkOther() {
        assertEquals(ProfileLayers.JDK_OTHER, ProfileLayers.layer(List.of("java.util.concurrent.ThreadPoolExecutor", "java.lang.Thread")));
        assertEquals(ProfileLayers.JDK_OTHER, ProfileLayers.layer(List.of("jdk.internal.reflect.GeneratedMethodAccessor12",
                "com.sun.proxy.$Proxy123", "javax.crypto.Cipher")));
        assertEquals(ProfileLayers.JDK_OTHER, ProfileLayers.layer(List.of()));
    }
}
