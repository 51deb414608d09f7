package cn.dudao.bot.plan.excel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploaded lists ({@code dudao.plan.import.*}).
 *
 * @param maxFileSize the largest file accepted (a county's household list of tens of thousands of rows
 *                    is well under the default)
 * @param maxRows     the most data rows in one file
 */
@ConfigurationProperties("dudao.plan.import")
public record ImportProperties(@DefaultValue("5MB") DataSize maxFileSize, @DefaultValue("50000") int maxRows) {
}
