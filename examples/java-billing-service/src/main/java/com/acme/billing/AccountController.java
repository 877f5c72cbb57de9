package com.acme.billing;

import java.sql.SQLException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {
    private final AccountRepository accounts;
    private final InvoiceRepository invoices;

    public AccountController(AccountRepository accounts, InvoiceRepository invoices) {
        this.accounts = accounts;
        this.invoices = invoices;
    }

    /** The request body is the entity: a client can send "creditLimit" or "verified" and it is saved. */
    @PutMapping("/api/accounts/{id}")
    public Account update(@PathVariable long id, @RequestBody Account account) {
        account.setId(id);
        return accounts.save(account);
    }

    /** Signed in, yet the customer whose invoices are listed comes from the query string. */
    @GetMapping("/api/invoices/open")
    public List<Invoice> openInvoices(@AuthenticationPrincipal UserDetails me, @RequestParam long customerId) throws SQLException {
        return invoices.openInvoices(customerId);
    }
}
