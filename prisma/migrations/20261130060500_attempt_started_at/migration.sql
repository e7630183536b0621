-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "startedAt" DATETIME;

