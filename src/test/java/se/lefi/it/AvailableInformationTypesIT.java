package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.ExtraConditionCode;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.getavailableinformationtypes.v1.AvailablePurposeType;
import se.lefi.contract.getavailableinformationtypes.v1.GetAvailableInformationTypesType;
import se.lefi.contract.lefionline.v1.LefiFault;

/** The purposes a caller may state follow its kind of party (config/legal-bases.csv) and its agreement. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AvailableInformationTypesIT {

    @Test
    void anInsurerMayCoordinateWithoutConsentAndAssessRiskWithIt() throws Exception {
        Map<PurposeCode, AvailablePurposeType> purposes = purposes("insurer");

        assertEquals(ExtraConditionCode.NONE, purposes.get(PurposeCode.COORDINATION_OF_COMPENSATION).getCondition());
        assertEquals(ExtraConditionCode.CONSENT, purposes.get(PurposeCode.RISK_ASSESSMENT).getCondition());
        assertTrue(purposes.get(PurposeCode.RISK_ASSESSMENT).getLegalBasis().contains("114 kap. 24 §"));
        assertTrue(purposes.get(PurposeCode.COORDINATION_OF_COMPENSATION).getInformationType().contains(InformationTypeCode.SJP));
        assertFalse(purposes.containsKey(PurposeCode.CASE_WORK), "case work is an authority's purpose");
    }

    @Test
    void aMunicipalityNeedsAnOpenCase() throws Exception {
        Map<PurposeCode, AvailablePurposeType> purposes = purposes("municipality");

        assertEquals(ExtraConditionCode.OPEN_CASE, purposes.get(PurposeCode.SOCIAL_SERVICES).getCondition());
        assertFalse(purposes.containsKey(PurposeCode.RISK_ASSESSMENT), "risk assessment is an insurer's purpose");
    }

    @Test
    void anAgentSeesItsPrincipalsPurposes() throws Exception {
        Map<PurposeCode, AvailablePurposeType> purposes = purposes("agent", DemoRegister.MUNICIPALITY);

        assertEquals(ExtraConditionCode.OPEN_CASE, purposes.get(PurposeCode.SOCIAL_SERVICES).getCondition());
        assertEquals(3, purposes.size());
    }

    @Test
    void anAgentWithoutPrincipalIsRefused() {
        LefiFault fault = assertThrows(LefiFault.class, () -> purposes("agent", null));
        assertEquals(FaultCode.PRINCIPAL_MISSING, fault.getFaultInfo().getCode());
    }

    @Test
    void aFormerAgentIsRefused() {
        LefiFault fault = assertThrows(LefiFault.class, () -> purposes("former-agent", DemoRegister.MUNICIPALITY));
        assertEquals(FaultCode.NO_LIVE_ASSIGNMENT, fault.getFaultInfo().getCode());
    }

    private static Map<PurposeCode, AvailablePurposeType> purposes(String alias) throws Exception {
        return purposes(alias, null);
    }

    private static Map<PurposeCode, AvailablePurposeType> purposes(String alias, String principal) throws Exception {
        GetAvailableInformationTypesType request = new GetAvailableInformationTypesType();
        request.setPrincipalOrganisationNumber(principal);
        return LefiServer.lefiOnline(alias).getAvailableInformationTypes(request)
                .getPurpose().stream()
                .collect(Collectors.toMap(AvailablePurposeType::getPurpose, p -> p));
    }
}
