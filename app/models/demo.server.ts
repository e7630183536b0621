/**
 * The demo teacher for development (`npm run setup`, part of `npm start`): a known login and one class, so
 * a newcomer can look at the teacher pages at once, filled with simulated students, assignments, attempts
 * and reviews (`demo-class.server.ts`). Never created when NODE_ENV is production or FAHM_DEMO=off
 * ({@link isDemoEnabled}).
 */
import { hash } from '@node-rs/argon2'
import type { PrismaClient } from '~/db.server'
import { generateJoinCode } from './classroom.server'
import { seedDemoClass, type DemoClassReport } from './demo-class.server'

/** The demo login, printed by the seed. Public on purpose: development only. */
export const DEMO_TEACHER = {
  email: 'demo.teacher@example.com',
  password: 'fahm-demo-teacher',
  displayName: 'المعلّمة التجريبية',
  className: 'صف تجريبي',
} as const

/**
 * Whether the development demo may be created: never in production, and not when FAHM_DEMO=off (a known
 * password must never reach a server anyone can reach).
 * @param env the environment to read (process.env by default).
 */
export function isDemoEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV !== 'production' && env.FAHM_DEMO !== 'off'
}

/**
 * Creates the demo teacher and class when missing, and the simulated class (students, assignments on the
 * sample articles, attempts, reviews) when the class has none yet. Idempotent: an existing demo account
 * keeps its password and data, and a class with demo students or assignments gets nothing more.
 * @param now the instant the simulated history ends at (default: the current time).
 * @returns the login, the demo class's join code and the simulated class's totals.
 */
export async function seedDemoTeacher(
  prisma: PrismaClient,
  now: Date = new Date(),
): Promise<{ email: string; password: string; joinCode: string; demo: DemoClassReport }> {
  const teacher =
    (await prisma.teacher.findUnique({ where: { email: DEMO_TEACHER.email }, select: { id: true } })) ??
    (await prisma.teacher.create({
      data: { email: DEMO_TEACHER.email, passwordHash: await hash(DEMO_TEACHER.password), displayName: DEMO_TEACHER.displayName },
      select: { id: true },
    }))
  const classroom =
    (await prisma.classroom.findFirst({ where: { teacherId: teacher.id, name: DEMO_TEACHER.className }, select: { id: true, joinCode: true } })) ??
    (await prisma.classroom.create({
      data: { teacherId: teacher.id, name: DEMO_TEACHER.className, joinCode: generateJoinCode() },
      select: { id: true, joinCode: true },
    }))
  const demo = await seedDemoClass(prisma, { classroomId: classroom.id, now })
  return { email: DEMO_TEACHER.email, password: DEMO_TEACHER.password, joinCode: classroom.joinCode, demo }
}
