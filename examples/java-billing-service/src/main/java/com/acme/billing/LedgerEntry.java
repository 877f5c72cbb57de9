package com.acme.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.math.BigDecimal;

@Entity
public class LedgerEntry {
    @Id
    @GeneratedValue
    private Long id;
    private Long accountId;
    private BigDecimal amount;
    private String reference;

    protected LedgerEntry() {
    }

    public LedgerEntry(Long accountId, BigDecimal amount, String reference) {
        this.accountId = accountId;
        this.amount = amount;
        this.reference = reference;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public BigDecimal getAmount() { return amount; }
    public String getReference() { return reference; }
}
