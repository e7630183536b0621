/**
 * The demo teacher for development (`npm run setup`, part of `npm start`): a known login and one class, so
 * a newcomer can look at the teacher pages at once. Never created when NODE_ENV is production.
 */
import { hash } from '@node-rs/argon2'
import type { PrismaClient } from '~/db.server'
import { generateJoinCode } from './classroom.server'

/** The demo login, printed by the seed. Public on purpose: development only. */
export const DEMO_TEACHER = {
  email: 'demo.teacher@example.com',
  password: 'fahm-demo-teacher',
  displayName: 'المعلّمة التجريبية',
  className: 'صف تجريبي',
} as const

/**
 * Creates the demo teacher and class when missing (idempotent; an existing demo account keeps its
 * password and data).
 * @returns the login and the demo class's join code.
 */
export async function seedDemoTeacher(prisma: PrismaClient): Promise<{ email: string; password: string; joinCode: string }> {
  const teacher =
    (await prisma.teacher.findUnique({ where: { email: DEMO_TEACHER.email }, select: { id: true } })) ??
    (await prisma.teacher.create({
      data: { email: DEMO_TEACHER.email, passwordHash: await hash(DEMO_TEACHER.password), displayName: DEMO_TEACHER.displayName },
      select: { id: true },
    }))
  const classroom =
    (await prisma.classroom.findFirst({ where: { teacherId: teacher.id, name: DEMO_TEACHER.className }, select: { joinCode: true } })) ??
    (await prisma.classroom.create({
      data: { teacherId: teacher.id, name: DEMO_TEACHER.className, joinCode: generateJoinCode() },
      select: { joinCode: true },
    }))
  return { email: DEMO_TEACHER.email, password: DEMO_TEACHER.password, joinCode: classroom.joinCode }
}
