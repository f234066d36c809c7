package dev.scopekeeper.entities;

interface ChannelRepository extends EntityRepository<Channel> {}
