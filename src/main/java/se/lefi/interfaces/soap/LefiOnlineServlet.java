package se.lefi.interfaces.soap;

import se.lefi.domain.time.SwedishTime;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.annotation.WebServlet;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import se.lefi.application.access.DisclosureService;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.application.subscription.SubscriptionService;
import se.lefi.contract.lefionline.v1.LefiOnlineResponderInterface;
import se.lefi.contract.lefisubscription.v1.LefiSubscriptionResponderInterface;
import se.lefi.contract.ssbtek.v10.BastjanstInformationInterface;

/**
 * Publishes the SOAP endpoints with CXF: LEFI Online at /ws/LefiOnline, LEFI Subscription at
 * /ws/LefiSubscription and SSBTEK v10 (the agency's composite service) at /ws/ssbt/v10. Each endpoint is built from its authored WSDL, which is also what
 * {@code ?wsdl} serves.
 */
@WebServlet(urlPatterns = "/ws/*", loadOnStartup = 1)
public class LefiOnlineServlet extends CXFNonSpringServlet {
    static final String NAMESPACE = "urn:se:lefi:online:LefiOnline:1";
    static final String WSDL_LOCATION = "classpath:contract/wsdl/LefiOnline/LefiOnline_1.0.wsdl";
    static final String SUBSCRIPTION_NAMESPACE = "urn:se:lefi:subscription:LefiSubscription:1";
    static final String SUBSCRIPTION_WSDL_LOCATION = "classpath:contract/wsdl/LefiSubscription/LefiSubscription_1.0.wsdl";
    /** No string of the contracts is longer (SSBTEK's syfte and lagtext: 1000); checked before any pattern. */
    static final int MAX_TEXT = 1024;
    /** SSBTEK's lefiJsonFraga: 65,536 octets of JSON in base64, with room for line breaks. */
    static final int MAX_BASE64_QUESTION = 90_000;
    static final String SSBTEK_WSDL_LOCATION = "classpath:contract/wsdl/SammansattBastjanst/SammansattBastjanst_10.wsdl";

    @EJB
    LefiOnlineService service;

    @EJB
    DisclosureService disclosure;

    @EJB
    SubscriptionService subscriptions;


    @Override
    protected void loadBus(ServletConfig servletConfig) {
        super.loadBus(servletConfig);
        Bus bus = getBus();
        BusFactory.setDefaultBus(bus);

        publish(bus, LefiOnlineResponderInterface.class, new LefiOnlineEndpoint(service, disclosure), WSDL_LOCATION,
                new QName(NAMESPACE, "LefiOnlineResponderService"), new QName(NAMESPACE, "LefiOnlineResponderPort"), "/LefiOnline");
        publish(bus, LefiSubscriptionResponderInterface.class, new LefiSubscriptionEndpoint(subscriptions, service),
                SUBSCRIPTION_WSDL_LOCATION, new QName(SUBSCRIPTION_NAMESPACE, "LefiSubscriptionResponderService"),
                new QName(SUBSCRIPTION_NAMESPACE, "LefiSubscriptionResponderPort"), "/LefiSubscription");
        publish(bus, BastjanstInformationInterface.class, new SsbtekEndpoint(disclosure, service, SwedishTime.clock()), SSBTEK_WSDL_LOCATION,
                new QName(SsbtekEndpoint.NAMESPACE, "BastjanstInformationInterfaceService"),
                new QName(SsbtekEndpoint.NAMESPACE, "BastjanstInformationInterfacePort"), "/ssbt/v10",
                new CodedFaultInterceptor(service, SsbtekEndpoint.INTERFACE, SsbtekEndpoint.FAULT));
    }

    private void publish(Bus bus, Class<?> serviceClass, Object endpoint, String wsdlLocation, QName serviceName,
                         QName endpointName, String address) {
        publish(bus, serviceClass, endpoint, wsdlLocation, serviceName, endpointName, address, new CodedFaultInterceptor(service));
    }

    private void publish(Bus bus, Class<?> serviceClass, Object endpoint, String wsdlLocation, QName serviceName,
                         QName endpointName, String address, CodedFaultInterceptor faults) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(serviceClass);
        factory.setServiceBean(endpoint);
        factory.setWsdlLocation(wsdlLocation);
        factory.setServiceName(serviceName);
        factory.setEndpointName(endpointName);
        factory.setAddress(address);
        // Requests are checked against the contract; violations become the coded INVALID_REQUEST fault.
        factory.setProperties(Map.of("schema-validation-enabled", "IN"));
        factory.setInInterceptors(List.of(new TextLengthLimit(MAX_TEXT, Map.of("lefiJsonFraga", MAX_BASE64_QUESTION))));
        factory.setOutFaultInterceptors(List.of(faults));
        factory.create();
    }
}
