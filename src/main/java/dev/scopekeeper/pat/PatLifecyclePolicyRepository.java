package dev.scopekeeper.pat;

import org.springframework.data.jpa.repository.JpaRepository;

interface PatLifecyclePolicyRepository extends JpaRepository<PatLifecyclePolicyRecord, Long> {}
