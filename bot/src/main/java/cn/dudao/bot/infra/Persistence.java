package cn.dudao.bot.infra;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Entities and repositories live in feature packages of both modules, under {@code cn.dudao}. */
@Configuration(proxyBeanMethods = false)
@EntityScan("cn.dudao")
@EnableJpaRepositories("cn.dudao")
class Persistence {
}
