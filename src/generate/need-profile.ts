/**
 * How needs of each category look: how often they are raised, in which support form, and
 * which skills serve them. Weights are relative; "一老一小一新" (elderly, children,
 * new-employment workers) are emphasised as the programmes do.
 */
import type { Category, SupportForm } from '../domain/taxonomy.js';

/** Relative weights over [talent, goods, tech, funds]. */
export type FormWeights = Readonly<Record<SupportForm, number>>;

const fw = (talent: number, goods: number, tech: number, funds: number): FormWeights => ({ talent, goods, tech, funds });

export interface CategoryProfile {
  /** How often a community project need falls in this category. */
  readonly projectWeight: number;
  /** How often a resident's micro-wish does. */
  readonly wishWeight: number;
  readonly projectForms: FormWeights;
  readonly wishForms: FormWeights;
  /** Skills and qualifications that serve the category (ids, English, stable). */
  readonly skills: readonly string[];
}

export const CATEGORY_PROFILES: Readonly<Record<Category, CategoryProfile>> = {
  elderly: { projectWeight: 18, wishWeight: 30, projectForms: fw(45, 20, 10, 25), wishForms: fw(20, 60, 5, 15), skills: ['caregiver', 'social_worker', 'nurse'] },
  children: { projectWeight: 12, wishWeight: 24, projectForms: fw(55, 20, 5, 20), wishForms: fw(10, 75, 0, 15), skills: ['teacher', 'tutor', 'social_worker'] },
  new_employment: { projectWeight: 8, wishWeight: 6, projectForms: fw(30, 35, 5, 30), wishForms: fw(0, 80, 0, 20), skills: ['lawyer', 'social_worker', 'career_coach'] },
  disability: { projectWeight: 6, wishWeight: 10, projectForms: fw(40, 30, 5, 25), wishForms: fw(15, 65, 0, 20), skills: ['rehab_therapist', 'sign_language', 'caregiver'] },
  relief: { projectWeight: 6, wishWeight: 14, projectForms: fw(20, 40, 2, 38), wishForms: fw(0, 70, 0, 30), skills: ['social_worker'] },
  health: { projectWeight: 7, wishWeight: 5, projectForms: fw(60, 15, 15, 10), wishForms: fw(30, 50, 0, 20), skills: ['doctor', 'nurse', 'pharmacist'] },
  legal: { projectWeight: 5, wishWeight: 1, projectForms: fw(88, 0, 7, 5), wishForms: fw(100, 0, 0, 0), skills: ['lawyer', 'mediator'] },
  culture: { projectWeight: 7, wishWeight: 2, projectForms: fw(45, 20, 5, 30), wishForms: fw(30, 60, 0, 10), skills: ['artist', 'musician', 'event_planner'] },
  environment: { projectWeight: 7, wishWeight: 0.5, projectForms: fw(10, 35, 10, 45), wishForms: fw(20, 80, 0, 0), skills: ['designer', 'landscaper', 'electrician'] },
  employment: { projectWeight: 5, wishWeight: 1, projectForms: fw(60, 5, 15, 20), wishForms: fw(60, 20, 0, 20), skills: ['career_coach', 'trainer'] },
  education: { projectWeight: 6, wishWeight: 4, projectForms: fw(60, 15, 15, 10), wishForms: fw(40, 50, 0, 10), skills: ['teacher', 'trainer'] },
  psychology: { projectWeight: 4, wishWeight: 1, projectForms: fw(85, 0, 5, 10), wishForms: fw(100, 0, 0, 0), skills: ['counsellor'] },
  digital: { projectWeight: 5, wishWeight: 2, projectForms: fw(15, 15, 60, 10), wishForms: fw(10, 30, 60, 0), skills: ['it_support', 'software_engineer'] },
  property: { projectWeight: 4, wishWeight: 0.5, projectForms: fw(60, 0, 20, 20), wishForms: fw(100, 0, 0, 0), skills: ['property_manager', 'mediator', 'lawyer'] },
};
