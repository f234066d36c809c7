package dev.scopekeeper.pat;

import org.springframework.data.jpa.repository.JpaRepository;

interface PatPolicyRepository extends JpaRepository<PatPolicyRecord, Long> {}
