package cn.dudao.bot.problem;

import org.springframework.data.jpa.repository.JpaRepository;

interface RectificationDraftRepository extends JpaRepository<RectificationDraft, String> {
}
