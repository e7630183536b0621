-- AlterTable
ALTER TABLE "VocabularyItem" ADD COLUMN "termEnd" INTEGER;
ALTER TABLE "VocabularyItem" ADD COLUMN "termStart" INTEGER;

-- CreateTable
CREATE TABLE "Card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "vocabularyItemId" TEXT,
    "questionId" TEXT,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Card_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Card_vocabularyItemId_fkey" FOREIGN KEY ("vocabularyItemId") REFERENCES "VocabularyItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Card_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "cardVersion" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "lastElapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "review" DATETIME NOT NULL,
    "durationMs" INTEGER,
    "source" TEXT NOT NULL,
    "answer" TEXT,
    "correct" BOOLEAN,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Learner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "timeZone" TEXT,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "newCardsPerDay" INTEGER NOT NULL DEFAULT 20
);
INSERT INTO "new_Learner" ("createdAt", "displayName", "id") SELECT "createdAt", "displayName", "id" FROM "Learner";
DROP TABLE "Learner";
ALTER TABLE "new_Learner" RENAME TO "Learner";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Card_learnerId_due_idx" ON "Card"("learnerId", "due");

-- CreateIndex
CREATE INDEX "Card_vocabularyItemId_idx" ON "Card"("vocabularyItemId");

-- CreateIndex
CREATE INDEX "Card_questionId_idx" ON "Card"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "Card_learnerId_vocabularyItemId_direction_key" ON "Card"("learnerId", "vocabularyItemId", "direction");

-- CreateIndex
CREATE UNIQUE INDEX "Card_learnerId_questionId_direction_key" ON "Card"("learnerId", "questionId", "direction");

-- CreateIndex
CREATE INDEX "ReviewLog_learnerId_review_idx" ON "ReviewLog"("learnerId", "review");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_cardId_cardVersion_key" ON "ReviewLog"("cardId", "cardVersion");

