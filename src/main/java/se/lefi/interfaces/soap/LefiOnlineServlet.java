package se.lefi.interfaces.soap;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.annotation.WebServlet;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import se.lefi.application.DisclosureService;
import se.lefi.application.LefiOnlineService;
import se.lefi.application.SubscriptionService;
import se.lefi.contract.lefionline.v1.LefiOnlineResponderInterface;
import se.lefi.contract.lefisubscription.v1.LefiSubscriptionResponderInterface;

/**
 * Publishes the SOAP endpoints with CXF: LEFI Online at /ws/LefiOnline and LEFI Subscription at
 * /ws/LefiSubscription. Each endpoint is built from its authored WSDL, which is also what
 * {@code ?wsdl} serves.
 */
@WebServlet(urlPatterns = "/ws/*", loadOnStartup = 1)
public class LefiOnlineServlet extends CXFNonSpringServlet {
    static final String NAMESPACE = "urn:se:lefi:online:LefiOnline:1";
    static final String WSDL_LOCATION = "classpath:contract/wsdl/LefiOnline/LefiOnline_1.0.wsdl";
    static final String SUBSCRIPTION_NAMESPACE = "urn:se:lefi:subscription:LefiSubscription:1";
    static final String SUBSCRIPTION_WSDL_LOCATION = "classpath:contract/wsdl/LefiSubscription/LefiSubscription_1.0.wsdl";

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
    }

    private void publish(Bus bus, Class<?> serviceClass, Object endpoint, String wsdlLocation, QName serviceName,
                         QName endpointName, String address) {
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
        factory.setOutFaultInterceptors(List.of(new CodedFaultInterceptor(service)));
        factory.create();
    }
}
