package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.ping.v1.PingResponseType;
import se.lefi.contract.ping.v1.PingType;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PingIT {

    @Test
    void aConnectedInsurerGetsVersionAndTimes() throws Exception {
        PingResponseType pong = LefiServer.lefiOnline("insurer").ping(new PingType());

        assertEquals("1.0", pong.getServiceVersion());
        Instant serverTime = pong.getServerTime().toGregorianCalendar().toInstant();
        assertTrue(Duration.between(serverTime, Instant.now()).abs().toMinutes() < 5, "server time is now");
        Instant registerTime = pong.getRegisterTime().toGregorianCalendar().toInstant();
        assertFalse(registerTime.isAfter(serverTime), "the register cannot be ahead of the server");
    }
}
