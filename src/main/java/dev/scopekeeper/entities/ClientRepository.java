package dev.scopekeeper.entities;

interface ClientRepository extends EntityRepository<Client> {}
