package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.getavailableinformationtypes.v1.GetAvailableInformationTypesType;
import se.lefi.contract.lefionline.v1.LefiFault;
import se.lefi.contract.ping.v1.PingType;

/** A certificate from the trusted CA, for an organisation that is not connected. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnknownOrganisationIT {
    /** The serialNumber of var/pki/unknown.p12 (config/demo/parties.csv). */
    private static final String UNKNOWN_ORGANISATION = "5569000044";

    @Test
    void pingIsRefusedWithNotConnected() throws Exception {
        LefiFault fault = assertThrows(LefiFault.class, () -> LefiServer.lefiOnline("unknown").ping(new PingType()));
        assertEquals(FaultCode.NOT_CONNECTED, fault.getFaultInfo().getCode());
        assertFalse(fault.getMessage().contains(UNKNOWN_ORGANISATION), "the fault must not echo the organisation number");
        assertFalse(fault.getFaultInfo().getMessage().contains(UNKNOWN_ORGANISATION));
        assertNotNull(fault.getFaultInfo().getRequestId());
    }

    @Test
    void everyOperationIsRefused() {
        LefiFault fault = assertThrows(LefiFault.class, () -> LefiServer.lefiOnline("unknown")
                .getAvailableInformationTypes(new GetAvailableInformationTypesType()));
        assertEquals(FaultCode.NOT_CONNECTED, fault.getFaultInfo().getCode());
    }
}
