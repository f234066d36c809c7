package dev.scopekeeper.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads users for sign-in. Spring Security turns "not found" into the same error as a wrong password. */
@Service
class ScopekeeperUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    ScopekeeperUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username == null ? "" : username.trim())
                .map(SignInAccount::new)
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
    }
}
