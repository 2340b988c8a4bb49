package io.flotilla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the Flotilla server: every module lives in a package below this one. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FlotillaApplication {

    public static void main(String[] args) {
        SpringApplication.run(FlotillaApplication.class, args);
    }
}
