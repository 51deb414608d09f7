package cn.dudao.admin.testsupport;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (GUIDE §6): no Selenium Manager, no
 * download of a browser. Downloads land in {@code downloads}.
 */
public final class Browser implements AutoCloseable {

  public final ChromeDriver driver;
  private final ChromeDriverService service;

  public Browser(Path downloads) {
    service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--window-size=1400,1000", "--lang=zh-CN");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false, "download.directory_upgrade", true));
    driver = new ChromeDriver(service, options);
  }

  /** Waits (up to 30 s) until {@code condition} returns a non-null, non-false value, ignoring stale elements. */
  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Saves what the browser shows to {@code target/screenshots/<name>.png}, for people to look at. */
  public void screenshot(String name) {
    try {
      Path file = Path.of("target", "screenshots", name + ".png");
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
