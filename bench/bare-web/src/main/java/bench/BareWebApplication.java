package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Baseline for bench/cold-start.sh: a Spring Boot web app that does nothing but answer GET /. */
@SpringBootApplication
@RestController
public class BareWebApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareWebApplication.class, args);
    }

    @GetMapping("/")
    String hello() {
        return "ok";
    }
}
