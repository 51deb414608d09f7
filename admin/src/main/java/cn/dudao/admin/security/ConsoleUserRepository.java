package cn.dudao.admin.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsoleUserRepository extends JpaRepository<ConsoleUser, Long> {
  Optional<ConsoleUser> findByUsername(String username);
}
