-- Run once as root on MySQL 8: the database and its user. Flyway (in every node) creates the tables.
CREATE DATABASE IF NOT EXISTS dudao CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'dudao'@'10.0.%' IDENTIFIED BY 'change-me';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON dudao.* TO 'dudao'@'10.0.%';
