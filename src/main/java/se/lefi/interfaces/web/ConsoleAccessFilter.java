package se.lefi.interfaces.web;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import se.lefi.application.administration.AdminAuthorisation;

/** The admin console is for administrators' certificates only, like the admin API it calls. */
@WebFilter(urlPatterns = {"/console", "/console/*"})
public class ConsoleAccessFilter extends HttpFilter {
    @EJB
    AdminAuthorisation authorisation;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (authorisation.isAdministrator(RequestCaller.of(request))) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The console is for administrators' certificates only.");
        }
    }
}
